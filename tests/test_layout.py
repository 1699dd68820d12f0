"""The package's modules use each other's public names only: no module imports another's
`_private` helper (`from .view import _helper`) or reaches into it (`view._helper`, `lex._cache`).
A name another module needs is public, in the module that owns it."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "citata"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_of(path: Path) -> list[str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _resolve(path: Path, node: ast.ImportFrom) -> list[str]:
    """The dotted module an import names, from the importing file's package."""
    here = _module_of(path)
    package = here if path.name == "__init__.py" else here[:-1]
    base = package[:len(package) - node.level + 1] if node.level else []
    return base + (node.module.split(".") if node.module else [])


def _is_module(dotted: list[str]) -> bool:
    target = ROOT.joinpath(*dotted)
    return target.with_suffix(".py").is_file() or (target / "__init__.py").is_file()


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        modules = set()  # local names bound to one of the package's modules
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(path, node)
                if not source or source[0] != "citata":
                    continue
                for alias in node.names:
                    if _is_module(source + [alias.name]):
                        modules.add(alias.asname or alias.name)
                    elif _private(alias.name):
                        found.append(f"{where}:{node.lineno}: from {'.' * node.level}{node.module or ''}"
                                     f" import {alias.name}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "citata" and alias.asname:
                        modules.add(alias.asname)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                    and node.value.id in modules):
                found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_modules_use_each_others_public_names_only():
    found = violations()
    assert not found, "private names used across modules:\n" + "\n".join(found)


def test_every_module_imports_first():
    """Each module loads when it is the first of the package imported (no import cycle that only
    `citata/__init__.py`'s order of imports avoids): in a process of its own, with the package's
    `__init__` left out."""
    import subprocess
    import sys

    modules = sorted(".".join(_module_of(p)) for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")
    script = f"""
import sys, types
failed = []
for name in {modules!r}:
    for loaded in [m for m in sys.modules if m == "citata" or m.startswith("citata.")]:
        del sys.modules[loaded]
    bare = types.ModuleType("citata")
    bare.__path__ = [{str(PACKAGE)!r}]
    sys.modules["citata"] = bare
    try:
        __import__(name)
    except ImportError as exc:
        failed.append(f"{{name}}: {{exc}}")
print("\\n".join(failed))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    assert not out.stdout.strip(), "modules that fail to import first:\n" + out.stdout
