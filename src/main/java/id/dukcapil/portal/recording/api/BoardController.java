package id.dukcapil.portal.recording.api;

import id.dukcapil.portal.recording.QueueBoard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The display board as JSON, for display hardware other than a browser: public and read-only like the board itself
 * (numbers and desks, no names); served by the API's fallback chain, which lets anyone read.
 */
@RestController
@RequestMapping(path = "/api/v1/recording/board", produces = "application/json")
class BoardController {

    private final QueueBoard board;

    BoardController(QueueBoard board) {
        this.board = board;
    }

    @GetMapping("/{servicePoint}")
    QueueBoard.Board board(@PathVariable String servicePoint) {
        return board.of(servicePoint.length() > 20 ? "" : servicePoint);
    }
}
