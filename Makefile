# Leerroute. The two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
APP := .venv-app/bin/python
RASA := .venv-rasa/bin/rasa
export RASA_TELEMETRY_ENABLED := false

.PHONY: help venvs seed train run test unit lint types validate b1 eval bench browser retentie clean run-prod nginx audit bench-load

help:
	@echo "make run    set up what is missing (environments, catalog, model) and start the bot"
	@echo "make test   run every test (unit, actions, data validation, conversations over HTTP)"
	@echo "make train  retrain the model if config, domain or data changed"
	@echo "make eval   NLU figures on the held-out split, cross-validation, persona conversations"
	@echo "make bench  route-engine benchmark (SQLite and PostgreSQL)"
	@echo "make lint   ruff"
	@echo "make retentie  delete conversations, intakes and call-backs past their retention period (schedule daily)"
	@echo "make run-prod  production profile: 2 Rasa workers + 2 action servers behind nginx, PostgreSQL, Redis (needs RASA_TOKEN)"
	@echo "make audit     dependency audit of both lock files (pip-audit, documented exceptions only)"
	@echo "make bench-load  load benchmark: single set-up, production profile, vanilla Rasa starter bot"

venvs:
	@scripts/venv.sh rasa requirements/rasa.lock
	@scripts/venv.sh app requirements/app.lock

seed: venvs
	@source scripts/env.sh && $(APP) -m catalog_db seed

train: seed
	@scripts/train.sh >/dev/null

run: train
	@scripts/serve.sh

lint: venvs
	.venv-app/bin/ruff check .
	.venv-app/bin/ruff format --check .

# Type check (mypy, settings in pyproject.toml): our packages and scripts in the app environment,
# and bot/ against Rasa's environment (its packages; a cache of its own).
types: venvs
	@source scripts/env.sh && .venv-app/bin/mypy
	@source scripts/env.sh && .venv-app/bin/mypy --python-executable .venv-rasa/bin/python --cache-dir .mypy_cache/rasa bot

validate: train
	@source scripts/env.sh && $(RASA) data validate --domain domain --fail-on-warnings >var/validate.log 2>&1 \
	  || { cat var/validate.log; exit 1; }
	@echo "rasa data validate: ok"

b1: venvs
	@$(APP) scripts/b1check.py

unit: seed
	@source scripts/env.sh && .venv-app/bin/pytest -q -m "not conversation" tests

# Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
browser:
	@command -v chromium >/dev/null || { echo "==> installing Debian's chromium"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

test: train lint types validate b1 browser nginx audit
	@source scripts/env.sh && .venv-app/bin/pytest -q tests

# Privacy: delete what is past its retention period (privacy/bewaartermijn.py; BEWAARTERMIJN_DAGEN
# and BEWAARTERMIJN_TERUGBEL_DAGEN change them). Run daily.
retentie: venvs
	@source scripts/env.sh && $(APP) -m privacy bewaartermijn

eval: train
	@source scripts/env.sh && scripts/eval.sh

bench: seed
	@source scripts/env.sh && $(APP) -m tests.bench.route_bench

clean:
	rm -rf var models/leerroute-* models/spacy_nl results

# Production profile (README, "Production profile"): PostgreSQL + Redis must run; RASA_TOKEN required.
run-prod: train nginx
	@scripts/serve_prod.sh

# Debian's nginx for the production profile (run as the normal user with its own config, see
# deploy/nginx.conf.sh); the system service is not used.
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "==> installing Debian's nginx"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; fi; }

# Dependency audit in its own small environment (requirements/audit.lock). Exceptions with their
# reasons: requirements/audit-exceptions.toml. Without any reachable vulnerability service the
# audit cannot run: a warning here, a failure with AUDIT_VEREIST=1.
audit:
	@scripts/venv.sh audit requirements/audit.lock
	@.venv-audit/bin/python scripts/audit.py requirements/rasa.lock requirements/app.lock; rc=$$?; \
	  if [ $$rc = 3 ] && [ "$${AUDIT_VEREIST:-0}" != 1 ]; then echo "WARNING: dependency audit skipped (no vulnerability service reachable)"; exit 0; fi; exit $$rc

# Load benchmark (not part of make test): N simulated users doing whole intakes over REST.
bench-load: train nginx
	@scripts/venv.sh bench requirements/bench.lock
	@source scripts/env.sh && $(APP) -m tests.bench.load_bench
