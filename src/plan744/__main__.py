from plan744.cli.app import main

main()
