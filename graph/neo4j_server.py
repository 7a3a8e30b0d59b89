"""The project's own local Neo4j: fetched, configured, started and stopped by us.

Neo4j Community comes from Maven Central (`org.neo4j:neo4j`, pinned in
graph/config.py) through `mvn dependency:copy-dependencies`, once, into
`$KG_HOME/neo4j-<version>/lib`. It runs as `java -cp <jars> org.neo4j.server.Neo4jCommunity`
(the entry point this release ships; older ones called it CommunityEntryPoint) with the
JVM flags Neo4j's own launcher would add. Every failure becomes a `ServerError`
(graph/errors.py) whose message is one line a user can act on, followed by the log's last lines.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.config import NEO4J_MIN_JAVA, NEO4J_VERSION, Settings
from graph.errors import ServerError

MAIN_CLASS = "org.neo4j.server.Neo4jCommunity"
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
]
POM = Path(__file__).resolve().parent / "neo4j" / "pom.xml"
MIN_FREE_DISK = 512 * 1024 * 1024


@dataclass(frozen=True)
class Layout:
    """Where one instance keeps its files, all under `KG_HOME`."""

    home: Path

    @property
    def lib(self) -> Path:
        return self.home / f"neo4j-{NEO4J_VERSION}" / "lib"

    @property
    def server_home(self) -> Path:
        return self.home / "neo4j"

    @property
    def conf_dir(self) -> Path:
        return self.server_home / "conf"

    @property
    def data_dir(self) -> Path:
        return self.server_home / "data"

    @property
    def logs_dir(self) -> Path:
        return self.server_home / "logs"

    @property
    def pid_file(self) -> Path:
        return self.server_home / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.logs_dir / "console.log"

    @property
    def password_set(self) -> bool:
        """Whether this store has its password: the admin tool's auth file or the system
        database, both inside data/, so a wiped data directory gets a password again."""
        return (self.data_dir / "dbms" / "auth.ini").exists() or (self.data_dir / "databases" / "system").exists()

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"


# ---------------------------------------------------------------- Java


def find_java() -> tuple[Path, int]:
    """A `java` of version NEO4J_MIN_JAVA or later: JAVA_HOME, PATH, then /usr/lib/jvm."""
    candidates: list[Path] = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(on_path))
    jvm_root = Path("/usr/lib/jvm")
    if jvm_root.is_dir():
        candidates += sorted(jvm_root.glob("*/bin/java"), reverse=True)
    seen: list[str] = []
    best: tuple[Path, int] | None = None
    for java in candidates:
        if not java.exists():
            continue
        major = java_major_version(java)
        seen.append(f"{java} ({major})")
        if major >= NEO4J_MIN_JAVA and (best is None or major > best[1]):
            best = (java, major)
    if best:
        return best
    if not seen:
        raise ServerError(f"no Java found: Neo4j {NEO4J_VERSION} needs Java {NEO4J_MIN_JAVA} or later (set JAVA_HOME)")
    raise ServerError(
        f"Neo4j {NEO4J_VERSION} needs Java {NEO4J_MIN_JAVA} or later; found only {', '.join(seen)} (set JAVA_HOME)"
    )


def java_major_version(java: Path) -> int:
    out = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


# ---------------------------------------------------------------- jars


def resolve_jars(layout: Layout, progress: bool = True) -> Path:
    """Fetch the pinned release once; later starts reuse the folder."""
    done = layout.lib / ".complete"
    if done.exists():
        return layout.lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven (mvn) is not installed: it is needed once to fetch Neo4j from Maven Central")
    tmp = layout.lib.with_name("lib.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    if progress:
        print(f"fetching Neo4j {NEO4J_VERSION} from Maven Central (once) …", flush=True)
    proc = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), f"-Dneo4j.version={NEO4J_VERSION}",
         "dependency:copy-dependencies", f"-DoutputDirectory={tmp}"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        tail = _last_lines(proc.stdout + proc.stderr, 8)
        reason = "Maven Central unreachable" if re.search(r"(?i)transfer|resolve|connect|unknownhost", tail) else "mvn failed"
        raise ServerError(f"could not fetch Neo4j {NEO4J_VERSION}: {reason}\n{tail}")
    shutil.rmtree(layout.lib, ignore_errors=True)
    layout.lib.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(layout.lib)
    done.write_text(NEO4J_VERSION + "\n")
    return layout.lib


def classpath(lib: Path) -> str:
    return os.pathsep.join(str(p) for p in sorted(lib.glob("*.jar")))


# ---------------------------------------------------------------- config


def write_config(settings: Settings, layout: Layout) -> Path:
    """Loopback-only Bolt on the chosen port, HTTP off, memory sized and overridable."""
    for d in (layout.conf_dir, layout.data_dir, layout.logs_dir):
        d.mkdir(parents=True, exist_ok=True)
    conf = layout.conf_dir / "neo4j.conf"
    conf.write_text(
        "\n".join(
            [
                "# written by `kg neo4j start`; edit KG_* variables instead",
                "server.default_listen_address=127.0.0.1",
                f"server.bolt.listen_address=127.0.0.1:{settings.neo4j_port}",
                f"server.bolt.advertised_address=127.0.0.1:{settings.neo4j_port}",
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=true",
                f"server.directories.data={layout.data_dir}",
                f"server.directories.logs={layout.logs_dir}",
                f"server.memory.heap.initial_size={settings.neo4j_heap}",
                f"server.memory.heap.max_size={settings.neo4j_heap}",
                f"server.memory.pagecache.size={settings.neo4j_pagecache}",
                "db.transaction.timeout=60s",
                "",
            ]
        )
    )
    return conf


def _admin(settings: Settings, layout: Layout, *args: str) -> subprocess.CompletedProcess[str]:
    """Runs Neo4j's admin tool (neo4j-admin) from the same jars, for this instance."""
    java, _ = find_java()
    cp = classpath(resolve_jars(layout, progress=False))
    env = dict(os.environ, NEO4J_HOME=str(layout.server_home), NEO4J_CONF=str(layout.conf_dir))
    return subprocess.run([str(java), *JVM_FLAGS, "-cp", cp, "org.neo4j.server.startup.Neo4jAdminCommand", *args],
                          capture_output=True, text=True, env=env, timeout=3600)


def _set_initial_password(settings: Settings, layout: Layout) -> None:
    if layout.password_set:
        return
    proc = _admin(settings, layout, "dbms", "set-initial-password", settings.password())
    if proc.returncode != 0:
        raise ServerError(f"could not set the initial password\n{_last_lines(proc.stdout + proc.stderr, 8)}")


# ---------------------------------------------------------------- process


def running_pid(layout: Layout) -> int | None:
    """The pid of this instance's Neo4j if it is alive."""
    try:
        pid = int(layout.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists() and MAIN_CLASS.encode() not in cmdline.read_bytes():
        return None
    return pid


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def bolt_answers(settings: Settings) -> bool | None:
    """True when Bolt accepts our credentials and runs a query; None when it answers but
    refuses the password; False when it does not answer (yet)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, Neo4jError as DriverError, ServiceUnavailable

    try:
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password()),
                                  connection_timeout=2, notifications_min_severity="OFF") as driver:
            driver.execute_query("RETURN 1")
        return True
    except AuthError:
        return None
    except (ServiceUnavailable, DriverError, OSError):
        return False


def start(settings: Settings, timeout_s: float = 180, progress: bool = True) -> str:
    """Start this instance (idempotent) and wait until Bolt answers."""
    if not settings.managed:
        raise ServerError("NEO4J_URI is set: the service uses that server and starts none of its own")
    layout = Layout(settings.home)
    pid = running_pid(layout)
    if pid is not None:
        if _wait_bolt(settings, layout, pid, timeout_s):
            return f"Neo4j {NEO4J_VERSION} already running (pid {pid}, bolt 127.0.0.1:{settings.neo4j_port})"
    if port_in_use(settings.neo4j_port):
        raise ServerError(
            f"port {settings.neo4j_port} is already in use by another process; "
            f"stop it or set KG_NEO4J_PORT to a free port"
        )
    java, _ = find_java()
    settings.home.mkdir(parents=True, exist_ok=True)
    if shutil.disk_usage(settings.home).free < MIN_FREE_DISK:
        raise ServerError(f"out of disk: less than 512 MB free under {settings.home}")
    cp = classpath(resolve_jars(layout, progress))
    write_config(settings, layout)
    _set_initial_password(settings, layout)
    env = dict(os.environ, NEO4J_HOME=str(layout.server_home), NEO4J_CONF=str(layout.conf_dir))
    layout.logs_dir.mkdir(parents=True, exist_ok=True)
    with open(layout.console_log, "ab") as out:
        proc = subprocess.Popen(
            [str(java), *JVM_FLAGS, f"-Xms{settings.neo4j_heap}", f"-Xmx{settings.neo4j_heap}",
             "-cp", cp, MAIN_CLASS, f"--home-dir={layout.server_home}", f"--config-dir={layout.conf_dir}"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )
    layout.pid_file.write_text(f"{proc.pid}\n")
    if progress:
        print(f"starting Neo4j {NEO4J_VERSION} on 127.0.0.1:{settings.neo4j_port} …", flush=True)
    if not _wait_bolt(settings, layout, proc.pid, timeout_s):
        reason = _failure_reason(layout)
        stop(settings)
        raise ServerError(f"Neo4j did not start: {reason}\n{logs(settings, 12)}")
    return f"Neo4j {NEO4J_VERSION} running (pid {proc.pid}, bolt 127.0.0.1:{settings.neo4j_port})"


AUTH_GRACE_S = 10
"""A starting server may refuse logins for a moment; longer than this, the password is wrong."""


def _wait_bolt(settings: Settings, layout: Layout, pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    refused_since: float | None = None
    while time.monotonic() < deadline:
        if not _alive(pid):
            return False
        answer = bolt_answers(settings) if port_in_use(settings.neo4j_port) else False
        if answer:
            return True
        if answer is None:
            refused_since = refused_since or time.monotonic()
            if time.monotonic() - refused_since > AUTH_GRACE_S:
                where = "NEO4J_PASSWORD" if settings.password_env else str(settings.password_file)
                raise ServerError(
                    f"Neo4j runs but refuses the password in {where}: the store under {layout.data_dir} was "
                    "created with another one; set NEO4J_PASSWORD to it, or move that data folder away to "
                    "start empty (`kg restore` brings a backup back)")
        time.sleep(0.5)
    return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by its parent) counts as dead
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    if state == "Z":
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        return False
    return True


def _failure_reason(layout: Layout) -> str:
    text = logs_text(layout, 200)
    checks = [
        (r"(?i)lock|FileLockException|StoreLockException", "the store is locked by another Neo4j process"),
        (r"(?i)no space left|disk.*full", "out of disk"),
        (r"(?i)address already in use|BindException", "the Bolt port is already in use"),
        (r"(?i)UnsupportedClassVersionError", f"wrong Java version (needs {NEO4J_MIN_JAVA}+)"),
        (r"(?i)OutOfMemoryError", "out of memory (lower KG_NEO4J_HEAP / KG_NEO4J_PAGECACHE)"),
        (r"(?i)Unrecognized setting|Invalid value", "invalid configuration"),
    ]
    for pattern, reason in checks:
        if re.search(pattern, text):
            return reason
    return "the process exited or Bolt did not answer in time"


def stop(settings: Settings, timeout_s: float = 60) -> str:
    """Shut down cleanly (SIGTERM), and only if that hangs, kill."""
    layout = Layout(settings.home)
    pid = running_pid(layout)
    if pid is None:
        layout.pid_file.unlink(missing_ok=True)
        return "Neo4j is not running"
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.1)
    layout.pid_file.unlink(missing_ok=True)
    return f"Neo4j stopped (pid {pid})"


class Watchdog:
    """Starts this instance again when it dies while the service runs (an out-of-memory exit,
    a kill): without it, every request after such a death answers UNAVAILABLE until someone
    restarts Neo4j by hand. A stop through `stop()` is not a death: it removes the pid file."""

    def __init__(self, settings: Settings, interval_s: float = 5.0,
                 report: Callable[[str], None] | None = None) -> None:
        import threading

        self.settings = settings
        self.interval_s = interval_s
        self.report = report or (lambda message: print(message, flush=True))
        self.restarts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="neo4j-watchdog", daemon=True)

    def start(self) -> "Watchdog":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.interval_s + 1)

    def _run(self) -> None:
        layout = Layout(self.settings.home)
        while not self._stop.wait(self.interval_s):
            if layout.pid_file.exists() and running_pid(layout) is None:
                self.report("kg: Neo4j died; starting it again")
                try:
                    self.report(start(self.settings, progress=False))
                    self.restarts += 1
                except ServerError as exc:
                    self.report(f"kg: could not start Neo4j again: {exc}")


def backup(settings: Settings, to_dir: Path | None = None) -> Path:
    """An offline dump of the graph (Community has no online backup): a running Neo4j is
    stopped for the dump and started again. Returns the dump file."""
    layout = Layout(settings.home)
    target_dir = (to_dir or layout.backups_dir).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"kg-{time.strftime('%Y%m%d-%H%M%S')}.dump"
    if not (layout.data_dir / "databases" / "neo4j").exists():
        raise ServerError(f"no graph to back up under {layout.data_dir}")
    was_running = running_pid(layout) is not None
    if was_running:
        stop(settings)
    try:
        work = target_dir / (target.name + ".partial")
        work.mkdir()
        proc = _admin(settings, layout, "database", "dump", "neo4j", f"--to-path={work}")
        if proc.returncode != 0:
            shutil.rmtree(work, ignore_errors=True)
            raise ServerError(f"the dump failed\n{_last_lines(proc.stdout + proc.stderr, 8)}")
        (work / "neo4j.dump").rename(target)
        shutil.rmtree(work, ignore_errors=True)
    finally:
        if was_running:
            start(settings, progress=False)
    return target


def restore(settings: Settings, dump: Path) -> str:
    """Replaces the graph with a dump made by `backup` (Neo4j is stopped for the load and
    started again). The old store is overwritten: back it up first if it matters."""
    layout = Layout(settings.home)
    dump = dump.resolve()
    if not dump.is_file():
        raise ServerError(f"{dump}: no such dump file")
    was_running = running_pid(layout) is not None
    if was_running:
        stop(settings)
    write_config(settings, layout)
    _set_initial_password(settings, layout)
    work = layout.home / "restore.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        os.link(dump, work / "neo4j.dump")
    except OSError:
        shutil.copyfile(dump, work / "neo4j.dump")
    try:
        proc = _admin(settings, layout, "database", "load", "neo4j", f"--from-path={work}",
                      "--overwrite-destination=true")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if proc.returncode != 0:
        raise ServerError(f"the load of {dump.name} failed\n{_last_lines(proc.stdout + proc.stderr, 8)}")
    start(settings, progress=False)
    return f"restored {dump.name}; Neo4j running on 127.0.0.1:{settings.neo4j_port}"


@dataclass(frozen=True)
class Status:
    running: bool
    version: str
    port: int
    store_bytes: int
    pid: int | None

    def describe(self) -> str:
        state = f"running (pid {self.pid})" if self.running else "not running"
        return (
            f"Neo4j {state}; version {self.version}; bolt 127.0.0.1:{self.port}; "
            f"store {self.store_bytes / 1e6:.1f} MB"
        )


def status(settings: Settings) -> Status:
    layout = Layout(settings.home)
    pid = running_pid(layout)
    version = NEO4J_VERSION
    if pid is not None:
        version = _server_version(settings) or version
    size = sum(f.stat().st_size for f in layout.data_dir.rglob("*") if f.is_file()) if layout.data_dir.exists() else 0
    return Status(running=pid is not None, version=version, port=settings.neo4j_port, store_bytes=size, pid=pid)


def _server_version(settings: Settings) -> str | None:
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password()),
                                  connection_timeout=2, notifications_min_severity="OFF") as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD name, versions, edition "
                "RETURN versions[0] AS version, edition"
            )
            return f"{records[0]['version']} {records[0]['edition']}"
    except Exception:  # status must report, never fail
        return None


def logs_text(layout: Layout, lines: int) -> str:
    parts = []
    for path in (layout.logs_dir / "neo4j.log", layout.console_log):
        if path.exists():
            content = path.read_text(errors="replace")
            content = "\n".join(l for l in content.splitlines() if not l.startswith("WARNING:"))
            parts.append(f"== {path} ==\n{_last_lines(content, lines)}")
    return "\n".join(parts)


def logs(settings: Settings, lines: int = 50) -> str:
    return logs_text(Layout(settings.home), lines) or "no logs yet"


def _last_lines(text: str, n: int) -> str:
    return "\n".join(text.strip().splitlines()[-n:])
