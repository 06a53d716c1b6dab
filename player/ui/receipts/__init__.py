"""The receipts page: every charge as its signer issued it, to read, save as PDF, print or import."""
