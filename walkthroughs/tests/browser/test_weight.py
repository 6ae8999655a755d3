"""A first visit to a checklist stays light: phones on slow networks open these links."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUDGET = 40_000  # bytes on the wire, all responses of a first visit together


def transferred(response) -> int:
    length = response.header_value("content-length")
    return int(length) if length is not None else len(response.body())


def test_first_visit_to_a_checklist_is_under_budget(new_context):
    context = new_context(extra_http_headers={"Accept-Encoding": "gzip, br"})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto("/checklist/de/web/")
    page.wait_for_load_state("networkidle")

    rows = [
        (
            transferred(response),
            response.header_value("content-encoding") or "identity",
            response.status,
            response.url,
        )
        for response in responses
    ]
    total = sum(size for size, *_ in rows)
    breakdown = "\n".join(
        f"{size:>8} {encoding:<8} {status} {url}"
        for size, encoding, status, url in sorted(rows, reverse=True)
    )
    # The measurement covers the page and its assets, and WhiteNoise served the script
    # from its precompressed copy.
    assert any(url.endswith(".css") for *_, url in rows), breakdown
    scripts = [encoding for _, encoding, _, url in rows if url.endswith(".js")]
    assert scripts and all(encoding in ("br", "gzip") for encoding in scripts), breakdown
    assert all(status == 200 for _, _, status, _ in rows), breakdown
    assert total < BUDGET, f"first visit is {total} bytes, budget {BUDGET}:\n{breakdown}"
