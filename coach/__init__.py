"""Coach mode: guided intakes with a client, intake reports, call-back requests from the public
bot, and demand statistics. Tables in the catalog database (migration 0003)."""
