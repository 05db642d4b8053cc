"""Source plugins. Each is registered in minutes_miner.registry.SOURCES."""
