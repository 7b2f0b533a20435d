"""Safety: crisis-language detection (`crisis.detect_crisis`), run on every inbound
text before anything else."""
