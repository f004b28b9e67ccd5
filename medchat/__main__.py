"""Allow `python -m medchat`."""

import sys

from medchat.cli import main

sys.exit(main())
