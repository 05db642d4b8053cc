"""ModernGov (Civica Modern.gov), used by 300+ UK councils."""
from minutes_miner.sources.moderngov.source import ModernGovSource, normalise_base_url

__all__ = ["ModernGovSource", "normalise_base_url"]
