"""The static HTML report (`minutes-miner report --out DIR`)."""
from minutes_miner.report.site import write_report

__all__ = ["write_report"]
