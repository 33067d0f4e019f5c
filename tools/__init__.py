"""Maintainers' tools that ship outside the wheel (run from a checkout)."""
