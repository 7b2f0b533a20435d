"""Tests of what an operator copies from deploy/."""
