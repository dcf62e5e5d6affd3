demo:
	python3 tasks.py demo
test:
	python3 tasks.py test
check:
	python3 tasks.py check
lock:
	python3 tasks.py lock
.PHONY: demo test check lock
