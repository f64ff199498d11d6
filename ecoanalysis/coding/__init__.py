"""Coding: the human judgement (``data/raw/codebook*.csv``) joined to the engine's mentions and checked."""
