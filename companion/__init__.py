"""Companion: an opt-in SMS companion for physical health."""
