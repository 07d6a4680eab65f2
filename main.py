from custgroups.cli import main

raise SystemExit(main())
