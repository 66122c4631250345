"""Fragment requests in the kernel's mailbox: they never stop a run of the app; an app request absorbs them."""
from __future__ import annotations

from nbapp.runtime.requests import RerunRequests


def test_fragment_requests_merge_in_order_without_duplicates():
    requests = RerunRequests()
    requests.request({"a": 1}, fragment="f1")
    requests.request(fragment="f2")
    requests.request({"b": 2}, fragment="f1")
    request = requests.take(timeout=0)
    assert request.fragments == ["f1", "f2"] and request.changes == {"a": 1, "b": 2}


def test_an_app_request_absorbs_pending_fragment_requests_and_the_other_way_round():
    requests = RerunRequests()
    requests.request(fragment="f1")
    requests.request({"x": 1})
    assert requests.take(timeout=0).fragments is None
    requests.request({"x": 2})
    requests.request(fragment="f1")  # the app's rerun reruns the fragment too
    assert requests.take(timeout=0).fragments is None
    requests.request(fragment="f1")
    requests.request(source="new code")
    assert requests.take(timeout=0).fragments is None


def test_what_a_pending_request_interrupts():
    requests = RerunRequests()
    requests.request(fragment="f1")
    assert not requests.superseded()  # a run of the app finishes: the tick waits for it
    assert requests.superseded("f1")  # a run of that fragment yields to its newer request
    assert not requests.superseded("f2")
    requests.request()
    assert requests.superseded() and requests.superseded("f2")
    requests.take(timeout=0)
    requests.close()
    assert requests.superseded() and requests.superseded("f1")
