"""Practice with simulated clients: scenarios (data files), what a trainee's reply did
(facts the script branches on), and the session that moves through a script."""
from .facts import reply_facts
from .scenario import Scenario, bundled, bundled_scenario, check, load

__all__ = ["Scenario", "bundled", "bundled_scenario", "check", "load", "reply_facts"]
