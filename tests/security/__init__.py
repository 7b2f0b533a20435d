"""Every attack tried on the privacy promise, as a test (see docs/SECURITY.md)."""
