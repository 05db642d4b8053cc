"""minutes-miner: mine UK council committee minutes and performance reports."""
__version__ = "0.1.0"
