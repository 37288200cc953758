"""axe-core (shipped inside axe-playwright-python) as the browser tests use it: serious and critical findings only."""
from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}


def blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s), first: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
