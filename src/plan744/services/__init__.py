"""What the command line, the pre-commit hook and any future intake call: loading a plan
(`services.plans`), validating reports (`services.validate`), building a report
(`services.report`). They join the intakes, the pure core and the renderers; they print nothing."""
