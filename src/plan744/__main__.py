from plan744.entry import main

main()
