from minutes_miner.cli import main

main()
