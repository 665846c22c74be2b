"""Project scripts (regeneration, bundling, checks) and their shared helpers."""
