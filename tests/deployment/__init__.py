"""The shape an operator deploys: nginx with TLS in front of two `companion serve` processes."""
