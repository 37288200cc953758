"""axe-core (shipped inside axe-playwright-python) as the browser tests use it: serious and critical findings,
and the `region` rule (everything, the header included, sits in a landmark) although axe rates it moderate."""
from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}
# Moderate findings that block all the same: content outside a landmark is missed by screen reader users
# moving by landmark (issue 15: the header was a plain div).
ALWAYS_BLOCKING = {"region"}


def blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s), first: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING or v["id"] in ALWAYS_BLOCKING
    ]
