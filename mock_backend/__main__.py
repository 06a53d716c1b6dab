import sys

from mock_backend.cli import main

sys.exit(main())
