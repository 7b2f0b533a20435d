"""Words: the Fluent message catalog every reply is rendered from (`catalog`), the
content linter behind `companion check-content` (`lint`, `readability`), and the ids the
code sends directly (`used`)."""
