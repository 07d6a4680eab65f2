from custgroups.__main__ import main

if __name__ == "__main__":  # not when a process for long work imports it (core.apart)
    raise SystemExit(main())
