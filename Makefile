# Convenience wrappers; ./run.sh works where make is not installed.
.PHONY: demo test
demo:
	./run.sh demo
test:
	./run.sh test
