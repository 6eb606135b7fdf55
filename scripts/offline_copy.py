"""Build a copy of the site that works from disk, with no server and no network.

    python scripts/offline_copy.py --out introduction-to-neural-networks.zip

Unzip it anywhere and open `index.html` in a browser: navigation, math,
figures, search and notebook downloads all work over `file://`. The copy is
built from the same sources and configuration as the online site, with
`OFFLINE=true`, which switches on Material's `offline` plugin (see mkdocs.yml).
The zip is written to a temporary file and renamed into place, so a failed
build never leaves a half-written zip behind.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
# A fixed timestamp for every entry, so the same site gives the same zip.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def build_site(site_dir: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
               "-f", str(CONFIG), "-d", str(site_dir)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true"}
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if completed.returncode:
        raise SystemExit(f"offline build failed:\n{completed.stderr}")


def write_zip(site_dir: Path, out: Path, top: str) -> None:
    """Zip the built site under folder `top`, atomically (temp file, then rename)."""
    handle, temporary = tempfile.mkstemp(suffix=".zip", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site_dir.rglob("*")):
                if path.is_file():
                    entry = zipfile.ZipInfo(f"{top}/{path.relative_to(site_dir).as_posix()}",
                                            ZIP_TIME)
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(entry, path.read_bytes())
        os.replace(temporary, out)
    finally:
        Path(temporary).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the .zip")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.suffix != ".zip":
        parser.error(f"--out must end in .zip: {args.out}")
    if not out.parent.is_dir():
        parser.error(f"folder does not exist: {out.parent}")
    with tempfile.TemporaryDirectory() as scratch:
        build_site(Path(scratch) / "site")
        write_zip(Path(scratch) / "site", out, out.stem)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); unzip it and open "
          f"{out.stem}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
