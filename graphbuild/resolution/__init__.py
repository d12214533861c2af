"""Resolution: surface forms → canonical entities, within and across articles."""
