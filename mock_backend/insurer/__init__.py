"""The insurance service server 50: contracts, license control, re-distribution reception."""
