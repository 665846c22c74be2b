"""Contract tests: check any server that claims to implement the Guest Rides document.

The suite reads `openapi/guest-rides.yaml` and `schemathesis.toml`; nothing in it restates the
document. Point it at a server with `BASE_URL`, or leave `BASE_URL` unset to test the local
sandbox, which is then started on a free port.
"""
