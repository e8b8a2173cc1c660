"""Who may do what: user accounts and logins (`users`), passwords, their rules, cost and
expiry (`passwords`), the jurisdiction and rights of the logged-in user (`access`), and the
audit trail written with every change (`audit`). Every other capability calls these; they
call none of the others."""
