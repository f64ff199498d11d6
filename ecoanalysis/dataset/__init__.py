"""The claims dataset: coded mentions -> validated tables -> ``data/processed/``."""
