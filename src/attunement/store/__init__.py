"""Storage foundations: field encryption with key rotation, and the hash-chained audit
log. (The database layer that uses them is the next piece of the service issue.)"""
