"""How the IBANs and BSNs in the src_*.py files were made (fixed seed, checksums pass).
Run it to reproduce the list; the values were then pasted into the texts by hand."""
import random

random.seed(3303)


def iban(cc, bban):
    n = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    s = f"{cc}{98 - n % 97:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def digits(k):
    return "".join(random.choice("0123456789") for _ in range(k))


def bsn():
    while True:
        d = [random.randint(0, 9) for _ in range(9)]
        if d[0] and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0:
            return "".join(map(str, d))


if __name__ == "__main__":
    for b in ["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB", "INGB", "RABO", "ABNA", "INGB"]:
        print(iban("NL", b + digits(10)))
    print(iban("BE", digits(12)))
    print(iban("DE", digits(18)))
    print(iban("GB", "NWBK" + digits(14)))
    print(iban("PL", digits(24)))
    print([bsn() for _ in range(8)])
