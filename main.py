from custgroups.__main__ import main

raise SystemExit(main())
