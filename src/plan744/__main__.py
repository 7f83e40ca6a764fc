from plan744.cli import main

main()
