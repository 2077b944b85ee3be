"""Command line: `python -m campdetect train ...` / `python -m campdetect predict ...`."""

from __future__ import annotations

import argparse
import json
import logging
import sys


def _int(value: str) -> int:
    """An integer that also accepts "20.0" (MLproject only has float parameters)."""
    number = float(value)
    if not number.is_integer():
        raise argparse.ArgumentTypeError(f"not an integer: {value}")
    return int(number)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="campdetect", description="Refugee-camp segmentation (tiny U-Net).")
    sub = parser.add_subparsers(dest="command", required=True)

    train = sub.add_parser("train", help="train on image/mask tile pairs (same file stems)")
    train.add_argument("--images", required=True, help="directory of image tiles (.png/.jpg/.tif)")
    train.add_argument("--masks", required=True, help="directory of masks (> 0 = camp), same stems as the images")
    train.add_argument("--output", required=True, help="checkpoint to write (.pt)")
    train.add_argument("--epochs", type=_int, default=20)
    train.add_argument("--batch-size", type=_int, default=8)
    train.add_argument("--learning-rate", type=float, default=1e-3)
    train.add_argument("--tile-size", type=_int, default=256, help="random crop size; 0 = whole tiles")
    train.add_argument("--base", type=_int, default=16, help="channels at full resolution")
    train.add_argument("--depth", type=_int, default=3, help="down/up-sampling steps")
    train.add_argument("--no-augment", action="store_true")
    train.add_argument("--seed", type=_int, default=0)
    train.add_argument("--no-mlflow", action="store_true", help="do not log to MLflow even when configured")

    predict = sub.add_parser("predict", help="write the camp mask of one image")
    predict.add_argument("--weights", required=True, help="checkpoint written by train")
    predict.add_argument("--input", required=True, help="PNG/JPEG or GeoTIFF")
    predict.add_argument("--output", required=True, help="mask to write: .tif (keeps georeference) or .png")
    predict.add_argument("--threshold", type=float, default=0.5)
    predict.add_argument("--tile-size", type=_int, default=512, help="inference window size")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    if args.command == "train":
        from .train import train

        history = train(args.images, args.masks, args.output, epochs=args.epochs, batch_size=args.batch_size,
                        learning_rate=args.learning_rate, tile_size=args.tile_size or None, base=args.base,
                        depth=args.depth, augment=not args.no_augment, seed=args.seed, track=not args.no_mlflow)
        print(json.dumps({"output": args.output, "epochs": len(history), "final_loss": history[-1]}))
    else:
        from .predict import predict_file

        print(json.dumps(predict_file(args.weights, args.input, args.output, threshold=args.threshold,
                                      tile_size=args.tile_size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
