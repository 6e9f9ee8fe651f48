"""Stand-ins for what the browser's Python lacks: threads run their work in turn, processes cannot start."""

import concurrent.futures
import concurrent.futures.thread
import shlex
import subprocess
import threading

NO_PROCESSES = 'the playground cannot start processes'


def _start_in_turn(self):
    if self._started.is_set():
        raise RuntimeError('threads can only be started once')
    self._started.set()
    try:
        self.run()
    except SystemExit:
        pass
    except BaseException as error:
        threading.excepthook(threading.ExceptHookArgs((type(error), error, error.__traceback__, self)))
    finally:
        self._ran_in_turn = True


def _join_done(self, timeout=None):
    if not self._started.is_set():
        raise RuntimeError('cannot join thread before it is started')


def _alive_never(self):
    return False


class InTurnExecutor(concurrent.futures.Executor):
    """A ThreadPoolExecutor whose tasks run at submit(), one after the other."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._shutdown = False
        self._initializer = (initializer, initargs)
        self._initialized = initializer is None

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = concurrent.futures.Future()
        future.set_running_or_notify_cancel()
        try:
            if not self._initialized:
                self._initialized = True
                initializer, initargs = self._initializer
                initializer(*initargs)
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True


class NoProcess(subprocess.Popen):
    def __init__(self, args, *rest, **kwargs):
        command = args if isinstance(args, str) else shlex.join(str(arg) for arg in args)
        raise OSError(f'{NO_PROCESSES} (asked to run: {command})')

    def __del__(self):
        pass


def install():
    threading.Thread.start = _start_in_turn
    threading.Thread.join = _join_done
    threading.Thread.is_alive = _alive_never
    concurrent.futures.ThreadPoolExecutor = InTurnExecutor
    concurrent.futures.thread.ThreadPoolExecutor = InTurnExecutor
    subprocess.Popen = NoProcess
