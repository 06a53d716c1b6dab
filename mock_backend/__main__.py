from mock_backend.cli import main
import sys
sys.exit(main())
