"""Outlet page templates. Each module renders an article page and a home page for one kind of site."""

from templates import blog, infra, ledger, newsletter, policy, regional, trade, wire

TEMPLATES = {
    "blog": blog,
    "infra": infra,
    "ledger": ledger,
    "newsletter": newsletter,
    "policy": policy,
    "regional": regional,
    "trade": trade,
    "wire": wire,
}
