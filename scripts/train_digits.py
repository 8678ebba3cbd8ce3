"""Train the digits network once and keep its weights in data/ (see data/README.md).

Run from the project root: python scripts/train_digits.py
"""

from playground.models import digits

if __name__ == "__main__":
    train, test = digits.split(digits.load())
    params = digits.train(train)
    digits.save(params)
    print(f"held-out accuracy {digits.accuracy(params, test):.1%}; wrote {digits.WEIGHTS}")
