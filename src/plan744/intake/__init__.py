"""How a unit's report comes in: which file types are read (and by what), which are written as
a form (and by what), and which are refused with their reason (`intake.registry`)."""
