"""A small news site on 127.0.0.1 for `citata collect`'s tests and benchmark: feeds, a sitemap
index, article pages (Russian text with quotations written for these tests), robots.txt, and
pages that misbehave. Every request is counted, with the conditional ones answered 304."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from html import escape

ARTICLES = [
    ("lavrov-odkb", "Лавров: Россия не просила ОДКБ о помощи", "2024-03-01",
     ["Министр иностранных дел России Сергей Лавров заявил, что Москва не обращалась к союзникам по ОДКБ "
      "за военной помощью.",
      "«У нас есть все необходимое, чтобы решить поставленные задачи самостоятельно», — сказал Лавров "
      "журналистам после переговоров в Бишкеке.",
      "Министр также отметил, что союзники регулярно получают информацию о ходе операции."]),
    ("zakharova-briefing", "Захарова прокомментировала заявление Брюсселя", "2024-03-02",
     ["Официальный представитель МИД России Мария Захарова на брифинге в четверг прокомментировала новое "
      "заявление Евросоюза.",
      "«Брюссель снова пытается переложить ответственность на других», — заявила Захарова.",
      "По ее словам, Москва ответит на новые ограничения симметрично."]),
    ("peskov-talks", "Песков рассказал о подготовке переговоров", "2024-03-03",
     ["Пресс-секретарь президента России Дмитрий Песков сообщил, что подготовка к переговорам продолжается.",
      "«Контакты на уровне экспертов идут, но говорить о сроках встречи пока рано», — сказал Песков "
      "в беседе с журналистами.",
      "Он добавил, что Кремль не получал новых предложений от Вашингтона."]),
    ("nabiullina-rate", "Набиуллина объяснила решение по ключевой ставке", "2024-03-04",
     ["Глава Центрального банка Эльвира Набиуллина объяснила решение сохранить ключевую ставку.",
      "«Инфляционное давление остается высоким, и мы не видим оснований для снижения ставки», — заявила "
      "Набиуллина на пресс-конференции.",
      "Следующее заседание совета директоров регулятора пройдет в апреле."]),
    ("sobyanin-metro", "Собянин открыл новые станции метро", "2024-03-05",
     ["Мэр Москвы Сергей Собянин открыл три новые станции Большой кольцевой линии.",
      "«Это позволит разгрузить центральные станции и сократить время в пути для сотен тысяч москвичей», — "
      "сказал Собянин на церемонии открытия.",
      "Строительство следующего участка планируется завершить до конца года."]),
    ("golikova-flu", "Голикова оценила ситуацию с гриппом", "2024-03-06",
     ["Вице-премьер Татьяна Голикова заявила, что заболеваемость гриппом в стране снижается.",
      "«Пик сезонной заболеваемости пройден, но расслабляться рано», — подчеркнула Голикова на заседании "
      "оперативного штаба.",
      "В ряде регионов сохраняются ограничения на посещение больниц."]),
    ("shoigu-visit", "Шойгу провел переговоры в Пекине", "2024-03-07",
     ["Секретарь Совбеза Сергей Шойгу провел переговоры с китайскими коллегами в Пекине.",
      "«Наши страны едины в оценке угроз региональной безопасности», — заявил Шойгу по итогам встречи.",
      "Стороны договорились продолжить консультации летом."]),
    ("matvienko-law", "Матвиенко высказалась о законе о мигрантах", "2024-03-08",
     ["Председатель Совета Федерации Валентина Матвиенко поддержала поправки к закону о мигрантах.",
      "«Регионы давно просили навести порядок в этой сфере», — сказала Матвиенко в интервью телеканалу.",
      "Сенаторы рассмотрят закон на ближайшем заседании."]),
]
SITE = "Вестник Теста"


def page_html(slug: str, title: str, date: str, paragraphs: list[str], base: str,
              charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset == "utf-8" else (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else "")
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"ru\"><head>{meta}<title>{escape(title)} | {SITE}</title>"
            f'<link rel="canonical" href="{base}/news/{slug}">'
            f'<meta property="og:site_name" content="{SITE}">'
            f'<meta property="article:published_time" content="{date}T09:00:00+03:00">'
            f"</head><body><nav><a href=\"/\">Главная</a> <a href=\"/politics\">Политика</a></nav>"
            f"<article><h1>{escape(title)}</h1><time datetime=\"{date}\">{date}</time>{body}</article>"
            f"<footer>© {SITE}, 2024. Все права защищены.</footer></body></html>")


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{base}{path}?utm_source=rss</link>"
        f"<pubDate>Fri, 01 Mar 2024 09:00:00 +0300</pubDate></item>" for path, t in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{SITE}</title>'
            f"<link>{base}/</link><description>Новости</description>{entries}</channel></rss>")


def atom(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{base}{path}"/><id>{base}{path}</id>'
        f"<updated>2024-03-05T09:00:00Z</updated></entry>" for path, t in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{SITE}</title><id>{base}/atom</id><updated>2024-03-05T09:00:00Z</updated>{entries}</feed>")


def urlset(base: str, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{base}{p}</loc><news:news><news:publication_date>2024-03-0{i + 1}"
                   f"</news:publication_date></news:news></url>" for i, p in enumerate(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


def sitemap_index(base: str, paths: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{base}{p}</loc><lastmod>2024-03-0{i + 1}</lastmod></sitemap>"
                   for i, p in enumerate(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>')


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    ctype: str = "text/html; charset=utf-8"
    etag: str | None = None        # answer If-None-Match with 304
    stream: int = 0                # send this many bytes of filler without a Content-Length
    hang: bool = False             # send headers, then nothing until the server stops
    pause: float = 0               # seconds before answering (requests then overlap)


class Server:
    """routes: path -> Reply, or a list of Replies served in turn (the last one repeats)."""

    def __init__(self):
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.hits: dict[str, int] = {}
        self.not_modified: dict[str, int] = {}
        self.agents: set[str] = set()
        self.active = self.max_active = 0  # requests being answered at once
        self.stop = threading.Event()
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                with server.lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    server.agents.add(self.headers.get("User-Agent", ""))
                    route = server.routes.get(path)
                    if isinstance(route, list):
                        route = route[min(server.hits[path], len(route)) - 1]
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                if route is None:
                    route = Reply(404, "<html><body><h1>Страница не найдена</h1></body></html>")
                try:
                    self.answer(path, route)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server.lock:
                        server.active -= 1

            def answer(self, path: str, r: Reply):
                if r.pause:
                    server.stop.wait(r.pause)
                if r.etag and self.headers.get("If-None-Match") == r.etag:
                    with server.lock:
                        server.not_modified[path] = server.not_modified.get(path, 0) + 1
                    self.send_response(304)
                    self.send_header("ETag", r.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = r.body.encode("utf-8") if isinstance(r.body, str) else r.body
                self.send_response(r.status)
                self.send_header("Content-Type", r.ctype)
                if r.etag:
                    self.send_header("ETag", r.etag)
                    self.send_header("Last-Modified", format_datetime(datetime(2024, 3, 8, tzinfo=timezone.utc), usegmt=True))
                for k, v in r.headers.items():
                    self.send_header(k, v)
                if r.hang:
                    self.send_header("Content-Length", "100")
                    self.end_headers()
                    self.wfile.flush()
                    server.stop.wait(30)
                    return
                if r.stream:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = ("<p>" + "Бесконечная страница. " * 6000 + "</p>").encode()  # 250 KB a write
                    sent = 0
                    while sent < r.stream and not server.stop.is_set():
                        self.wfile.write(chunk)
                        sent += len(chunk)
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def add_articles(self, articles=ARTICLES, prefix: str = "/news/") -> list[str]:
        paths = []
        for slug, title, date, paragraphs in articles:
            self.routes[prefix + slug] = Reply(body=page_html(slug, title, date, paragraphs, self.base))
            paths.append(prefix + slug)
        return paths
