"""Where graphs go: files (this package's files.py), and later databases."""
