# The Streamlit side of bench/load: N sessions of one app under Python Streamlit, each speaking
# Streamlit's own WebSocket protocol with Streamlit's own protobuf classes, as its frontend does:
# connect to /_stcore/stream (subprotocol "streamlit"), send a BackMsg rerun_script with a
# ClientState, read ForwardMsgs until script_finished. A click is a rerun_script whose widget
# states hold the button's trigger_value.
#
# Driven by bench/load/streamlit_client.ts: one JSON scenario in argv[1] (bench/load/scenario.ts,
# LoadScenario), one JSON result on stdout (ClientResult). Loopback only; every wait is bounded.
import asyncio
import json
import random
import re
import sys
import time

from websockets.asyncio.client import connect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

# A run that ends so is an answer; FINISHED_EARLY_FOR_RERUN is followed by the run that answers.
ANSWERS = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


def now_ms() -> float:
    return time.perf_counter() * 1000


def rss_kb(pids):
    """Summed VmRSS of the server's processes, KB (None if one is gone)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            return None
    return total if pids else None


class Session:
    def __init__(self, scenario):
        self.scenario = scenario
        self.counter_pattern = re.compile(scenario["counter"].encode())
        self.socket = None
        self.button_id = None
        self.page_script_hash = ""
        self.waiting = None
        self.counter = None
        self.answered = 0
        self.unanswered = 0
        self.error = None
        self.reader = None

    async def open(self, deadline_s):
        self.socket = await connect(
            self.scenario["url"],
            subprotocols=["streamlit"],
            max_size=None,
            ping_interval=None,
            open_timeout=max(0.1, deadline_s - time.monotonic()),
        )
        self.reader = asyncio.create_task(self.read())
        return await self.rerun([])

    async def read(self):
        try:
            async for data in self.socket:
                match = None
                for match in self.counter_pattern.finditer(data):
                    pass
                if match:
                    self.counter = int(match.group(1))
                msg = ForwardMsg.FromString(data)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.page_script_hash = msg.new_session.page_script_hash
                elif kind == "delta" and self.button_id is None:
                    element = msg.delta.new_element
                    if element.WhichOneof("type") == "button" and element.button.label == self.scenario["button"]:
                        self.button_id = element.button.id
                elif kind == "script_finished" and msg.script_finished in ANSWERS:
                    if self.waiting and not self.waiting.done():
                        self.waiting.set_result(None)
        except Exception as error:  # noqa: BLE001 - any end of the socket is this session's error
            self.error = self.error or f"socket: {type(error).__name__}"
        finally:
            self.error = self.error or "closed"
            if self.waiting and not self.waiting.done():
                self.waiting.set_exception(ConnectionError(self.error))

    async def rerun(self, widgets):
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_script_hash = self.page_script_hash
        state.widget_states.widgets.extend(widgets)
        state.context_info.CopyFrom(ContextInfo(timezone="UTC", timezone_offset=0, locale="en-US", url=self.scenario["url"]))
        self.waiting = asyncio.get_running_loop().create_future()
        started = now_ms()
        await self.socket.send(msg.SerializeToString())
        await self.waiting
        return now_ms() - started

    async def click(self):
        widget = WidgetState(id=self.button_id, trigger_value=True)
        latency = await self.rerun([widget])
        self.answered += 1
        return latency

    async def close(self):
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await asyncio.wait([self.reader], timeout=2)


async def connect_all(scenario):
    sessions, latencies, errors = [], [], {}
    limit = asyncio.Semaphore(scenario["connectConcurrency"])
    deadline = time.monotonic() + scenario["connectSeconds"]
    started = now_ms()

    async def one():
        async with limit:
            session = Session(scenario)
            try:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError()
                latency = await asyncio.wait_for(session.open(deadline), remaining)
                if session.button_id is None:
                    raise LookupError("no button")
                latencies.append(latency)
                sessions.append(session)
            except Exception as error:  # noqa: BLE001 - counted, not raised
                kind = "timeout" if isinstance(error, TimeoutError) else type(error).__name__
                errors[kind] = errors.get(kind, 0) + 1
                await session.close()

    await asyncio.gather(*(one() for _ in range(scenario["sessions"])))
    return sessions, {"latencies": latencies, "errors": errors, "wallMs": now_ms() - started}


async def phase(sessions, name, scenario):
    """Each session clicks until the phase's time is up (think: after a pause of 1-3 s; burst: at once, up to burstClicks)."""
    burst = name == "burst"
    seconds = scenario["burstSeconds"] if burst else scenario["thinkSeconds"]
    started = now_ms()
    end = time.monotonic() + seconds
    hard_end = end + scenario["graceSeconds"]
    latencies, errors = [], {}
    sent = 0
    last_answer = started
    think_lo, think_hi = scenario["thinkMs"]

    async def loop(session):
        nonlocal sent, last_answer
        clicks = 0
        while session.error is None:
            if burst and clicks >= scenario["burstClicks"]:
                return
            if not burst:
                await asyncio.sleep(random.uniform(think_lo, think_hi) / 1000)
            if time.monotonic() >= end:
                return
            clicks += 1
            sent += 1
            try:
                latencies.append(await asyncio.wait_for(session.click(), hard_end - time.monotonic()))
                last_answer = now_ms()
            except TimeoutError:
                session.unanswered += 1
                errors["unanswered"] = errors.get("unanswered", 0) + 1
                return
            except Exception as error:  # noqa: BLE001 - counted, not raised
                errors[str(error)] = errors.get(str(error), 0) + 1
                return

    await asyncio.gather(*(loop(s) for s in sessions))
    return {"name": name, "latencies": latencies, "sent": sent, "errors": errors, "wallMs": last_answer - started}


async def main():
    scenario = json.loads(sys.argv[1])
    cpu_started = time.process_time()
    rss_before = rss_kb(scenario["rssPids"])
    sessions, connected = await connect_all(scenario)
    rss_connected = rss_kb(scenario["rssPids"])
    phases = []
    for name in scenario["phases"]:
        phases.append(await phase(sessions, name, scenario))
    rss_after = rss_kb(scenario["rssPids"])
    # A session whose every click was answered shows the count of its clicks: its state was kept.
    mismatched = sum(1 for s in sessions if s.unanswered == 0 and s.error is None and s.counter != s.answered)
    await asyncio.gather(*(s.close() for s in sessions))
    result = {
        "connect": connected,
        "phases": phases,
        "sessions": len(sessions),
        "stateMismatches": mismatched,
        "rssKb": {"before": rss_before, "connected": rss_connected, "after": rss_after},
        "clientCpuMs": (time.process_time() - cpu_started) * 1000,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
